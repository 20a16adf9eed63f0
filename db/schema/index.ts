export * from './audit';
export * from './catalogue';
export * from './ledger';
export * from './providers';
export * from './purchases';
export * from './users';
