export * from './common';
export * from './event';
export * from './feed';
export * from './festival';
export * from './notice';
export * from './tour';
export * from './venue';
export * from './venue-input';
