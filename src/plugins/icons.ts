import { LabIcon } from '@jupyterlab/ui-components';

/** A "TS" glyph in a cell frame: the icon of a TypeScript coroutine cell (theme-aware via jp-icon3). */
export const coroutineCellIcon = new LabIcon({
  name: 'jupyterlab-coroutine-cells:coroutine-cell',
  svgstr: `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">
  <g class="jp-icon3" fill="#616161">
    <path d="M2 2h12a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H2a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm0 1.2v9.6h12V3.2z"/>
    <path d="M3.2 5h4.2v1.2H5.9V11H4.7V6.2H3.2z"/>
    <path d="M10.6 4.9c.9 0 1.6.3 2 .8l-.8.8c-.3-.3-.7-.5-1.2-.5-.5 0-.8.2-.8.5 0 .4.4.5 1 .7.9.3 1.9.6 1.9 1.8 0 1-.8 1.8-2.2 1.8-1 0-1.8-.4-2.3-.9l.8-.9c.4.4.9.6 1.5.6.6 0 .9-.2.9-.6s-.4-.5-1.1-.8c-.8-.3-1.8-.6-1.8-1.7 0-1 .8-1.6 2.1-1.6z"/>
  </g>
</svg>`
});

/** The Launcher card's logo (the Notebook section shows kernel logos, as images). */
export const COROUTINE_NOTEBOOK_LOGO_URL =
  'data:image/svg+xml;base64,' +
  btoa(`<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
  <rect x="2" y="2" width="60" height="60" rx="8" fill="#3178c6"/>
  <text x="32" y="40" font-family="DejaVu Sans, Arial, sans-serif" font-size="26" font-weight="bold" fill="#fff" text-anchor="middle">TS</text>
  <path d="M14 50 h30" stroke="#fff" stroke-width="3" stroke-linecap="round"/>
  <path d="M20 54 h14 M38 54 h10" stroke="#9cc3f0" stroke-width="3" stroke-linecap="round"/>
  <path d="M42 46 l5 4 -5 4" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`);
