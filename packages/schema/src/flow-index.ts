export * from './flow-definition';
export * from './flow-schema';
export * from './flow-validation';
