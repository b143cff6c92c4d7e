/**
 * An idempotency key for one intended write (a report, an action): sent with every retry of it, so a double
 * click or a resend after a lost answer is applied once. Not secret; works without a secure context.
 */
export const clientKey = () => `web-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
