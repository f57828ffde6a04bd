export * from './condition';
export * from './value-kind';
