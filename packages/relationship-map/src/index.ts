export * from './badges.js';
export * from './edge-style.js';
export * from './layout.js';
export * from './model.js';
export * from './org-chart.js';
export * from './search.js';
export * from './viewport.js';
