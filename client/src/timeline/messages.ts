// The messages between the timeline panel and its webview (client/media/timeline/timeline.js).
import type { TimelineItem } from '../../../server/src/protocol';

/** An item as the webview gets it: no location, only the name of what a click opens. */
export type WebviewItem = Omit<TimelineItem, 'definition'> & { target?: string };

/** To the webview: the items of a scope, after each change of the index. */
export interface ItemsMessage {
  type: 'items';
  /** The scope's key: the webview keeps its zoom while the key stays the same. */
  scope: string;
  title: string;
  version: number;
  items: WebviewItem[];
  /** The language server is not running (yet): the webview says so instead of "nothing here". */
  starting: boolean;
}

/** From the webview: it has drawn the items of `version`; the first names of each lane, in date order. */
export interface RenderedMessage {
  type: 'rendered';
  scope: string;
  version: number;
  count: number;
  lanes: { title: string; count: number; names: string[] }[];
}

export type FromWebview = { type: 'ready' } | { type: 'open'; id: string } | RenderedMessage;

/** The webview is a page: check what it sends before acting on it. */
export function isFromWebview(message: unknown): message is FromWebview {
  if (typeof message !== 'object' || message === null) return false;
  const { type, id, count, lanes } = message as Record<string, unknown>;
  return (
    type === 'ready' ||
    (type === 'open' && typeof id === 'string') ||
    (type === 'rendered' && typeof count === 'number' && Array.isArray(lanes))
  );
}
