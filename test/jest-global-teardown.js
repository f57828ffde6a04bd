module.exports = async function globalTeardown() {
  const pg = globalThis.__TESSERA_PG__;
  if (pg) await pg.stop();
};
