// sql.js ships its build with the .wasm inlined (no file to locate, so it works offline) without its own types.
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import initSqlJs from 'sql.js';
  export default initSqlJs;
}
