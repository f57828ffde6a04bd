export * from './sql-identifier';
export * from './sql-params';
