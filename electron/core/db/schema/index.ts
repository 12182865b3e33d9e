export * from './local';
export * from './reference';
export * from './societies';
export * from './users';
export * from './status-orders';
export * from './audit-trail';
export * from './registration';
export * from './certificates';
