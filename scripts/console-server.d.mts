// Types for console-server.mjs (plain JS so production needs no TypeScript loader).
import type { RequestListener, Server } from "node:http";

export type ServerLimits = { requestTimeoutMs: number; headersTimeoutMs: number; maxHeaderSize: number; checkIntervalMs: number };
export const defaultLimits: ServerLimits;
export function clientErrorAnswer(err: Error & { code?: string; rawPacket?: Buffer }): [status: number, code: string, message: string];
export function createConsoleServer(handler: RequestListener, limits?: ServerLimits): Server;
export function trustedPeer(list?: string): (peer: string) => boolean;
export function forwardedForFromSocket(req: import("node:http").IncomingMessage, isTrusted: (peer: string) => boolean): void;
