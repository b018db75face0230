// Development default. The production server (apps/web/server.mjs) answers /config.js from the environment.
window.__TWOFOLD_CONFIG__ = window.__TWOFOLD_CONFIG__ || { apiUrl: 'http://127.0.0.1:3000' };
