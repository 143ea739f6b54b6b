import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

export interface BodyConfig {
  /** Largest total of the files one upload request may carry, in bytes. */
  maxUploadBytes: number;
}

/** Only the media library's routes (admin and content API) take files. */
export function takesUploads(urlPath: string): boolean {
  return /^\/(api\/)?upload(\/|$)/.test(urlPath);
}

type Factory = (config: Record<string, any>, ctx: { strapi: Core.Strapi }) => Core.MiddlewareHandler;

/**
 * Strapi's body parser, with multipart bodies parsed only on the upload routes: any
 * other route answers a multipart request with 415 before reading it. An upload's
 * temporary files go to a folder of that request's own, removed when the request ends
 * whatever the answer, so no file sent under any field name stays behind. The content
 * API takes JSON bodies only, and a body that cannot be read is a 400, not a 500.
 */
export const guardedBody =
  (strapiBody: Factory): Factory =>
  (config: Partial<BodyConfig>, { strapi }) => {
    const { maxUploadBytes, ...rest } = config;
    const plain = strapiBody({ ...rest, multipart: false }, { strapi });
    const maxFileSize = maxUploadBytes ?? 50 * 1024 * 1024;

    return async (ctx, next) => {
      if (ctx.is('multipart')) {
        if (!takesUploads(ctx.path)) {
          // Read and drop what was sent (never to disk), so that the client can read the answer.
          await discard(ctx.req, maxFileSize);
          return refuse(ctx, 415, 'UnsupportedMediaTypeError', 'This route takes no files: send JSON (Content-Type: application/json)');
        }
        const uploadDir = await fs.mkdtemp(path.join(os.tmpdir(), 'chapterhouse-upload-'));
        try {
          return await parseThen(strapiBody({ ...rest, multipart: true, formidable: { uploadDir, maxFileSize } }, { strapi }), ctx, next);
        } finally {
          await fs.rm(uploadDir, { recursive: true, force: true });
        }
      }
      // The content API speaks JSON: another body would reach its controllers unparsed.
      if (ctx.path.startsWith('/api/') && hasBody(ctx) && !ctx.is('json')) {
        return refuse(ctx, 415, 'UnsupportedMediaTypeError', 'Send the body as JSON (Content-Type: application/json)');
      }
      return parseThen(plain, ctx, next);
    };
  };

/** Consumes a request body without keeping it, up to `limit` bytes (the connection is closed after a larger one). */
function discard(req: NodeJS.ReadableStream, limit: number): Promise<void> {
  return new Promise((resolve) => {
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        req.pause();
        resolve();
      }
    });
    req.once('end', () => resolve());
    req.once('error', () => resolve());
    req.resume();
  });
}

function hasBody(ctx: Parameters<Core.MiddlewareHandler>[0]): boolean {
  return Boolean(ctx.get('transfer-encoding')) || Number(ctx.get('content-length') || 0) > 0;
}

function refuse(ctx: Parameters<Core.MiddlewareHandler>[0], status: number, name: string, message: string) {
  ctx.status = status;
  ctx.set('Connection', 'close');
  ctx.body = { data: null, error: { status, name, message } };
}

/** Bodies nested deeper than this are refused: no form of the portal needs them, and echoing one in an error would overflow the stack. */
export const MAX_BODY_DEPTH = 32;

/** Whether a parsed JSON value nests objects or arrays deeper than `max`, checked without recursion. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Parses the body, then runs the rest; a body that cannot be parsed is the client's mistake, answered 400 (or 413). */
async function parseThen(parse: Core.MiddlewareHandler, ctx: Parameters<Core.MiddlewareHandler>[0], next: () => Promise<unknown>) {
  let parsed = false;
  try {
    await parse(ctx, async () => {
      parsed = true;
      const request = ctx.request as { body?: unknown };
      if (request.body === undefined) request.body = {};
      if (nestsDeeperThan(request.body, MAX_BODY_DEPTH)) {
        return refuse(ctx, 400, 'ValidationError', `The body is nested more than ${MAX_BODY_DEPTH} levels deep`);
      }
      await next();
    });
  } catch (error) {
    if (parsed) throw error;
    const status = (error as { status?: number }).status;
    if (status === 413) return refuse(ctx, 413, 'PayloadTooLargeError', 'The body is larger than this route takes');
    return refuse(ctx, 400, 'ValidationError', `The body cannot be read: ${String((error as Error).message ?? error).slice(0, 120)}`);
  }
}

/** Puts the guard around Strapi's own body middleware, which the server requires by name. */
export function guardBodyParsing(strapi: Core.Strapi) {
  strapi.get('middlewares').extend('strapi::body', (strapiBody: Factory) => guardedBody(strapiBody));
}
