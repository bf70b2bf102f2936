export * from './grid';
export * from './tasks';
export * from './recurrence';
