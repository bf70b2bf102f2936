export * from './result';
export * from './clv';
export * from './components';
export * from './quadrant';
export * from './pareto';
export * from './wallet';
export * from './completeness';
export * from './attention';
