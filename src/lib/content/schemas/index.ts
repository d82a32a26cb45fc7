export * from './common';
export * from './event';
export * from './feed';
export * from './festival';
export * from './narration';
export * from './tour';
export * from './venue';
export * from './venue-input';
