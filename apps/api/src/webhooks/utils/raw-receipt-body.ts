import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { raw } from 'express';
import { RECEIPT_MAX_BODY_BYTES } from '@twofold/sms-queue';

/**
 * The `webhook` status endpoint is signed over its exact bytes, so its body is kept raw (a
 * Buffer in req.body) with its own small limit. bootstrap.ts mounts this before the JSON parser,
 * which then leaves the request alone. Parser errors answer with their status and no body.
 * Twilio's JSON-body callbacks (bodySHA256) use it too, for `application/json` only.
 */
export function rawReceiptBody(limit = RECEIPT_MAX_BODY_BYTES, type = '*/*'): RequestHandler {
  const parse = raw({ type: type === '*/*' ? () => true : type, limit });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const status = (err as { status?: unknown }).status;
      res.status(typeof status === 'number' && status >= 400 && status < 500 ? status : 400).end();
    });
}
