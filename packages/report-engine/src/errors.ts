/** The report definition cannot be compiled (unknown field, wrong kind, unsupported combination). */
export class ReportDefinitionError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'ReportDefinitionError';
  }
}

/** The report (or a dashboard filter on it) uses a field the current user may not read. */
export class ReportFieldNotReadableError extends Error {
  constructor(readonly field: string) {
    super(`The report uses the field "${field}", which you are not allowed to read`);
    this.name = 'ReportFieldNotReadableError';
  }
}
