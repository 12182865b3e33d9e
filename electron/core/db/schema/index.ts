export * from './local';
export * from './reference';
export * from './societies';
