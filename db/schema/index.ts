export * from './audit';
export * from './catalogue';
export * from './earnings';
export * from './ledger';
export * from './providers';
export * from './purchases';
export * from './users';
export * from './second-factor';
