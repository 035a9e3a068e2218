import { DaylightTable } from './table.js';

if (!customElements.get('daylight-table')) customElements.define('daylight-table', DaylightTable);

declare global {
  interface HTMLElementTagNameMap {
    'daylight-table': DaylightTable;
  }
}
