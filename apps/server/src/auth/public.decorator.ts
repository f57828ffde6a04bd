import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tessera:isPublic';
/** Marks a route that needs no bearer token (login, health, public forms). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
