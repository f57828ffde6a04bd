import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/**
 * Serves the built web app at `/`: hashed assets with a long cache, and index.html for every other GET outside
 * /api so client-side routes survive a reload.
 */
export function serveWebApp(server: Express, distDir: string): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return false;
  server.use(
    '/assets',
    express.static(join(distDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  server.use(express.static(distDir, { index: false }));
  server.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path === '/api' || request.path.startsWith('/api/')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}
