// Builds lunr indexes with lunr.js itself: the library the browser queries them with.
// Run by i4ms.outputs.search.lunr_node: `node lunr_build.js PATH/TO/lunr.js` reads a JSON
// list of {ref, fields, documents} on stdin and writes the list of serialized indexes.
"use strict";
const lunr = require(process.argv[2]);
const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const jobs = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const built = jobs.map((job) => lunr(function () {
    this.ref(job.ref);
    job.fields.forEach((field) => this.field(field));
    job.documents.forEach((doc) => this.add(doc));
  }).toJSON());
  process.stdout.write(JSON.stringify(built));
});
