export * from './grid';
export * from './tasks';
