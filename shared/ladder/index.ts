export * from './stages';
export * from './derive';
export * from './transitions';
export * from './activity';
export * from './dates';
