// Builds lunr indexes with lunr.js itself: the library the browser queries them with.
// Run by i4ms.outputs.search.lunr_node: `node lunr_build.js PATH/TO/lunr.js` reads a JSON
// list of {ref, fields, documents, significant} on stdin and writes the serialized indexes,
// one per line.
"use strict";
const lunr = require(process.argv[2]);

// lunr.js trims tokens with an ASCII \W: "Malmö" would be indexed as "malm", "Škoda" as
// "koda". The search scripts trim what a visitor types with Unicode classes (tokens() in
// i4ms-search.js and i4ms-site-search.js): the index trims the same way.
const LEADING = /^[^\p{L}\p{N}_]+/u;
const TRAILING = /[^\p{L}\p{N}_]+$/u;
function unicodeTrimmer(token) {
  return token.update((s) => s.replace(LEADING, "").replace(TRAILING, ""));
}
lunr.Pipeline.registerFunction(unicodeTrimmer, "i4msTrimmer");

// Serialized vectors alternate term positions and weights: the weights only rank results,
// so `significant` digits of each are kept (shorter numbers, a smaller index).
function shortWeights(index, significant) {
  if (!significant) return index;
  index.fieldVectors = index.fieldVectors.map(([ref, vector]) =>
    [ref, vector.map((x, i) => (i % 2 ? Number(x.toPrecision(significant)) : x))]);
  return index;
}

// One index per line, in the order of the jobs (JSON.stringify writes no raw newline): the
// build writes each into its file as it is, without parsing megabytes to write them again.
const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const jobs = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const lines = jobs.map((job) => JSON.stringify(shortWeights(lunr(function () {
    this.pipeline.after(lunr.trimmer, unicodeTrimmer);
    this.pipeline.remove(lunr.trimmer);
    this.ref(job.ref);
    job.fields.forEach((field) => this.field(field));
    job.documents.forEach((doc) => this.add(doc));
  }).toJSON(), job.significant)));
  process.stdout.write(lines.join("\n"));
});
