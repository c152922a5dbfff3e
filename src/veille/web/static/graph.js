// The events graph: entities as nodes, events as edges coloured by PLOVER quad class,
// drawn with Cytoscape.js (vendored). Data comes from the page's /api/graph address.
(function () {
  "use strict";
  var COLOURS = {
    "verbal-cooperation": "#2b8a3e",
    "material-cooperation": "#1864ab",
    "verbal-conflict": "#e67700",
    "material-conflict": "#c92a2a",
    "other": "#868e96"
  };
  var QUADS = {
    AGREE: "verbal-cooperation", CONSULT: "verbal-cooperation", SUPPORT: "verbal-cooperation",
    CONCEDE: "verbal-cooperation", COOPERATE: "material-cooperation", AID: "material-cooperation",
    RETREAT: "material-cooperation", REQUEST: "verbal-conflict", ACCUSE: "verbal-conflict",
    REJECT: "verbal-conflict", THREATEN: "verbal-conflict", PROTEST: "material-conflict",
    SANCTION: "material-conflict", MOBILIZE: "material-conflict", COERCE: "material-conflict",
    ASSAULT: "material-conflict"
  };

  function draw(box, data) {
    if (!data.nodes.length) {
      box.textContent = "No event between two known entities matches.";
      box.classList.add("empty");
      return;
    }
    var elements = data.nodes.map(function (n) {
      return { data: { id: "n" + n.id, entity: n.id, label: n.name, type: n.type, weight: n.events } };
    });
    data.edges.forEach(function (e, i) {
      elements.push({ data: {
        id: "e" + i, source: "n" + e.source, target: "n" + e.target, label: e.type + (e.count > 1 ? " ×" + e.count : ""),
        colour: COLOURS[QUADS[e.type] || "other"], width: Math.min(1 + e.count, 8)
      } });
    });
    var cy = window.cytoscape({
      container: box,
      elements: elements,
      layout: { name: "cose", animate: false, randomize: true, nodeRepulsion: 400000, idealEdgeLength: 100, componentSpacing: 80 },
      style: [
        { selector: "node", style: {
          "label": "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
          "background-color": "#495057", "width": "mapData(weight, 1, 20, 14, 40)",
          "height": "mapData(weight, 1, 20, 14, 40)", "color": "#212529",
          "text-background-color": "#ffffff", "text-background-opacity": 0.7 } },
        { selector: "node[type = 'PER']", style: { "background-color": "#5f3dc4" } },
        { selector: "node[type = 'ORG']", style: { "background-color": "#0b7285" } },
        { selector: "node[type = 'LOC']", style: { "background-color": "#5c940d" } },
        { selector: "edge", style: {
          "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle",
          "curve-style": "bezier", "width": "data(width)", "label": "data(label)", "font-size": 9,
          "text-rotation": "autorotate", "color": "#343a40" } }
      ]
    });
    cy.on("tap", "node", function (event) {
      window.location.href = "/entities/" + encodeURIComponent(event.target.data("entity"));
    });
    box.dataset.nodes = String(cy.nodes().length);
    box.dataset.edges = String(cy.edges().length);
  }

  function start() {
    var box = document.getElementById("graph");
    if (!box || !window.cytoscape) return;
    fetch(box.dataset.src, { headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (data) { draw(box, data); })
      .catch(function (error) { box.textContent = "The graph could not be loaded: " + error.message; });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
