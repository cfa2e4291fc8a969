// Framework's standard library as a local module imports it (Framework rewrites the specifier at
// build time); only what the site's modules use is declared.
declare module "observablehq:stdlib" {
  export function FileAttachment(name: string): { json(): Promise<any>; text(): Promise<string>; arrayBuffer(): Promise<ArrayBuffer>; url(): Promise<string> };
}
