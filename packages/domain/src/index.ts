export * from './abc.js';
export * from './abc-report.js';
export * from './coverage.js';
export * from './enums.js';
export * from './fraction.js';
export * from './labels.js';
export * from './money.js';
export * from './pareto.js';
