export * from './backend';
export * from './boot-keyboard';
export * from './pos-report';
export * from './platform';
export * from './scanner-service';
