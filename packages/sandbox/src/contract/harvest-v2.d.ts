// Minimal typing of the npm `harvest-v2` client (it ships none), as far as the interop test uses it.
declare module 'harvest-v2' {
  /** Harvest JSON as the client returns it; tests check it field by field. */
  // biome-ignore lint/suspicious/noExplicitAny: untyped third-party JSON
  type Json = any;
  interface Resource {
    /** Every resource hard-codes `https://api.harvestapp.com/v2/<name>` here; it is a plain public field. */
    baseUri: string;
    list(): Promise<Json>;
    listBy(params: Record<string, unknown>): Promise<Json>;
    retrieve(id: number): Promise<Json>;
    create(params: Record<string, unknown>): Promise<Json>;
    update(id: number, params: Record<string, unknown>): Promise<Json>;
    delete(id: number): Promise<Json>;
    stop(id: number): Promise<Json>;
    restart(id: number): Promise<Json>;
  }
  export default class Harvest {
    constructor(config: { account_ID: string | number; access_token: string; user_agent: string });
    [resource: string]: Resource;
  }
}
