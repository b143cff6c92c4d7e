// The fetch wrapper lives in src/web/shared (the phone pages use it too, without the console); the console's code imports it from here.
export * from '../../shared/api-client';
