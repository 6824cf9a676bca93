// The timeline webview's page: its toolbar and containers, the scripts and stylesheet from
// client/media/timeline, and a strict Content-Security-Policy (no inline code, nothing remote).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** The folder the webview may load from: its `localResourceRoots`. */
export function timelineMedia(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'client', 'media', 'timeline');
}

export function timelineHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const media = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(timelineMedia(extensionUri), file)).toString();
  const csp = [
    `default-src 'none'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const script = (file: string): string => `<script nonce="${nonce}" src="${media(file)}"></script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${media('timeline.css')}">
  <title>Timeline</title>
</head>
<body>
  <header class="toolbar">
    <span class="scope" id="scope"></span>
    <span class="range" id="range"></span>
    <span class="spacer"></span>
    <span class="legend"><span class="sample"></span>only the year or month is known</span>
    <button id="zoom-out" title="Zoom out (-)" aria-label="Zoom out">−</button>
    <button id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
    <button id="fit" title="Fit everything (0)">Fit</button>
  </header>
  <main class="viewport" id="viewport" aria-label="Timeline: mouse wheel zooms, drag or Shift+wheel pans">
    <div class="axis" id="axis" aria-hidden="true"></div>
    <div class="plot" id="plot"></div>
    <p class="empty" id="empty" hidden></p>
  </main>
  <div class="card" id="card" role="tooltip" hidden></div>
  ${script('dates.js')}
  ${script('card.js')}
  ${script('timeline.js')}
</body>
</html>`;
}
