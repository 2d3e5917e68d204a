export * from './accounts';
export * from './connect';
export * from './envelope';
export * from './errors';
export * from './harvest/index';
export type * from './tools';
export type * from './unified';
