export * from './vocabulary';
export * from './define-entity';
export * from './entities';
export * from './cells';
