/** YAML files of contracts/ imported by the pages arrive parsed (vite.config.ts, yamlAsData); their shape is checked where used. */
declare module "*.yaml" {
  const data: unknown;
  export default data;
}
