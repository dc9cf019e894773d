// Validates every object of a rendered overlay (kubectl kustomize output) offline:
//  - Strimzi and CloudNativePG objects against their CRD's openAPIV3Schema (the pinned copies in
//    deploy/k8s/crds), made strict: a field the schema does not name is an error, as the API
//    server's strict field validation would say, so a misspelt field fails and is not dropped;
//  - every other object against the Kubernetes API schemas of kubernetes-models (types, required
//    fields, enums, formats).
// Usage: node validate.mjs <rendered.yaml> <crd folder>. Prints one line per object; exit 1 on any error.
import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const [renderedFile, crdDir] = process.argv.slice(2);
if (!renderedFile || !crdDir) {
  console.error("usage: node validate.mjs <rendered.yaml> <crd folder>");
  process.exit(2);
}

/** Forbids fields a schema does not name, except where it keeps unknown fields on purpose. */
function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] = k === "properties" ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, strict(s)])) : strict(v);
  }
  if (out["x-kubernetes-int-or-string"]) {
    delete out.type;
    out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  if (out.properties && out.additionalProperties === undefined && !out["x-kubernetes-preserve-unknown-fields"]) {
    out.additionalProperties = false;
  }
  return out;
}

// CRD patterns are Go (RE2) expressions. RE2's inline case-insensitive flag "(?i)" (the Prometheus
// Operator's schemas use it) is not JavaScript: translate it to the "i" flag; anything else JS
// cannot read still fails loudly.
function goRegExp(pattern, flags) {
  return pattern.includes("(?i)") ? new RegExp(pattern.replaceAll("(?i)", ""), flags + "i") : new RegExp(pattern, flags);
}
goRegExp.code = "goRegExp";
const ajv = new Ajv({ strict: false, allErrors: true, code: { regExp: goRegExp } });
addFormats(ajv);
for (const f of ["int32", "int64", "float", "double", "byte", "binary"]) ajv.addFormat(f, true);

const crdValidators = new Map();
const crdFiles = fs.readdirSync(crdDir, { recursive: true }).filter((f) => f.endsWith(".yaml")).sort();
for (const file of crdFiles) {
  for (const doc of parseAllDocuments(fs.readFileSync(path.join(crdDir, file), "utf8"))) {
    const crd = doc.toJS();
    if (!crd || crd.kind !== "CustomResourceDefinition") continue;
    for (const v of crd.spec.versions) {
      crdValidators.set(`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, ajv.compile(strict(v.schema.openAPIV3Schema)));
    }
  }
}
const crdGroups = new Set([...crdValidators.keys()].map((k) => k.split("/")[0]));

async function coreErrors(obj) {
  const [group, version] = obj.apiVersion.includes("/") ? obj.apiVersion.split("/") : ["", obj.apiVersion];
  let models;
  try {
    models = await import(`kubernetes-models/${group ? group + "/" : ""}${version}`);
  } catch (e) {
    return [`no Kubernetes schema for ${obj.apiVersion}`];
  }
  const Model = models[obj.kind];
  if (!Model) return [`no Kubernetes schema for ${obj.apiVersion} ${obj.kind}`];
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    return [e.message];
  }
}

let failures = 0;
let count = 0;
for (const doc of parseAllDocuments(fs.readFileSync(renderedFile, "utf8"))) {
  const obj = doc.toJS();
  if (!obj) continue;
  count++;
  const name = `${obj.apiVersion} ${obj.kind} ${obj.metadata?.name}`;
  const group = obj.apiVersion.split("/")[0];
  let errors;
  let against;
  if (crdGroups.has(group)) {
    const validate = crdValidators.get(`${obj.apiVersion}/${obj.kind}`);
    against = "CRD schema";
    errors = validate
      ? (validate(obj) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ": " + e.params.additionalProperty : ""}`))
      : [`no CRD for ${obj.apiVersion} ${obj.kind} in ${crdDir}`];
  } else {
    against = "Kubernetes schema";
    errors = await coreErrors(obj);
  }
  if (errors.length) {
    failures++;
    console.log(`INVALID ${name} (${against}): ${errors.join("; ")}`);
  } else {
    console.log(`valid   ${name} (${against})`);
  }
}
console.log(`${count} objects, ${failures} invalid`);
process.exit(failures || count === 0 ? 1 : 0);
