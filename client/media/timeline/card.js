// The hover card: the server's escaped Markdown drawn as DOM nodes, never as HTML. A tiny subset:
// paragraphs, `- ` lists, hard breaks (two trailing spaces), **bold**, *italic*, `code`, and
// [links](...) as their text.
(function (timeline) {
  'use strict';

  /** The index of the next unescaped `delimiter` from `from`, or -1. */
  function findClosing(text, from, delimiter) {
    for (let i = from; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text.startsWith(delimiter, i)) return i;
    }
    return -1;
  }

  /** Appends the inline Markdown `text` to `parent` as text nodes and <strong>/<em>/<code>/<span>. */
  function inline(parent, text) {
    let plain = '';
    const flush = () => {
      if (plain) parent.append(document.createTextNode(plain));
      plain = '';
    };
    const wrap = (tag, className, inner) => {
      flush();
      const element = document.createElement(tag);
      if (className) element.className = className;
      inline(element, inner);
      parent.append(element);
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\\' && i + 1 < text.length) {
        plain += text[++i];
        continue;
      }
      const delimiter = text.startsWith('**', i) ? '**' : c === '*' || c === '`' ? c : undefined;
      if (delimiter) {
        const end = findClosing(text, i + delimiter.length, delimiter);
        if (end > i + delimiter.length) {
          const inner = text.slice(i + delimiter.length, end);
          if (c === '`') {
            flush();
            const code = document.createElement('code');
            code.textContent = inner;
            parent.append(code);
          } else wrap(delimiter === '**' ? 'strong' : 'em', '', inner);
          i = end + delimiter.length - 1;
          continue;
        }
      }
      if (c === '[') {
        const close = findClosing(text, i + 1, ']');
        const target = close > 0 && text[close + 1] === '(' ? findClosing(text, close + 2, ')') : -1;
        if (target > 0) {
          wrap('span', 'link', text.slice(i + 1, close));
          i = target;
          continue;
        }
      }
      plain += c;
    }
    flush();
  }

  /** Fills `element` with the card's Markdown: blocks split by blank lines, list lines grouped into lists. */
  function render(element, markdown) {
    element.replaceChildren();
    for (const block of String(markdown).split(/\n\s*\n/)) {
      let group;
      let hardBreak = false; // the paragraph's last line ended with two spaces
      for (const line of block.split('\n')) {
        if (!line.trim()) continue;
        const listed = /^\s*[-*] /.test(line);
        const tag = listed ? 'ul' : 'p';
        if (group?.tagName.toLowerCase() !== tag) {
          group = document.createElement(tag);
          element.append(group);
        } else if (!listed) group.append(hardBreak ? document.createElement('br') : document.createTextNode(' '));
        hardBreak = / {2,}$/.test(line);
        const target = listed ? group.appendChild(document.createElement('li')) : group;
        inline(target, listed ? line.replace(/^\s*[-*] /, '') : line.replace(/\s+$/, ''));
      }
    }
  }

  timeline.card = { render };
})((window.historyTimeline ??= {}));
