export * from './tokenize';
export * from './fields';
export * from './parse-rule';
export * from './evaluate-rule';
export * from './built-in-segments';
export * from './assign-segments';
