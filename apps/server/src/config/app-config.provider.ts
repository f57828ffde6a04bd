/** Injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** Injection token of the pino logger. */
export const APP_LOGGER = Symbol('APP_LOGGER');
