/** Runtime configuration, written into /config.js by the server from the environment (server.mjs). */
export interface WebConfig {
  apiUrl: string;
}

declare global {
  interface Window {
    __TWOFOLD_CONFIG__?: Partial<WebConfig>;
  }
}

export const DEFAULT_API_URL = 'http://127.0.0.1:3000';

export function readConfig(source: Partial<WebConfig> | undefined = window.__TWOFOLD_CONFIG__): WebConfig {
  const apiUrl = source?.apiUrl?.trim() || DEFAULT_API_URL;
  return { apiUrl: apiUrl.replace(/\/+$/, '') };
}
