/**
 * A parser for text/event-stream (the WHATWG "server-sent events" format), fed chunks of
 * text as they arrive. Used because EventSource cannot send an Authorization header.
 * Must: lines may end in \n, \r\n or \r, also split across chunks; comment lines (":")
 * are ignored; an event is dispatched at a blank line, only if it has data.
 */

/** One dispatched event: its `event:` name ('message' by default) and its joined data. */
export type SseEvent = { event: string; data: string };

/** Returns a function to feed text into; it calls `onEvent` for each complete event. */
export function createSseParser(onEvent: (event: SseEvent) => void): (chunk: string) => void {
  let buffer = '';
  let pendingCr = false;
  let data: string[] = [];
  let name = '';
  const line = (text: string) => {
    if (text === '') {
      if (data.length > 0) onEvent({ event: name || 'message', data: data.join('\n') });
      data = [];
      name = '';
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') name = value;
  };
  return (chunk) => {
    let text = chunk;
    // A \r at the end of the last chunk already ended a line; skip its \n here.
    if (pendingCr && text.startsWith('\n')) text = text.slice(1);
    pendingCr = false;
    buffer += text;
    for (;;) {
      const end = buffer.search(/[\r\n]/);
      if (end < 0) break;
      const isCr = buffer[end] === '\r';
      line(buffer.slice(0, end));
      if (isCr && end + 1 === buffer.length) pendingCr = true;
      const skip = isCr && buffer[end + 1] === '\n' ? 2 : 1;
      buffer = buffer.slice(end + skip);
    }
  };
}
