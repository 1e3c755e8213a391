/* PolicyGraph explorer: draws the graph embedded in #graph-data with vis-network.
 *
 * Positions come from Python and physics is off, so the first drawing is the final one. Every text from the data is
 * put in the page with textContent (never innerHTML); tooltips are strings, which vis-network shows as text.
 * Clicking a node shows its details, with a link to its page and, on a server, "expand" (its neighbours from
 * /explore/graph); double-clicking opens its page. The edge switches hide edge types, and the nodes left without a
 * visible edge. window.pg exposes the network for tests and benchmarks; window.pgReadyAt is the time of the first
 * drawing (ms since navigation start).
 */
(function () {
  "use strict";
  var source = document.getElementById("graph-data");
  var container = document.getElementById("graph");
  var details = document.getElementById("details");
  if (!source || !container || typeof vis === "undefined") return;
  // The texts this script writes, in the page's language (base.html), with English when a page has none.
  var textSource = document.getElementById("ui-text");
  var ui = Object.assign({ open_notice: "Open its notice", open_page: "Open its page", expand: "Expand",
    expanding: "Expanding…", added: "Added {n} nodes", failed: "Expand (failed: {reason})" },
    textSource ? JSON.parse(textSource.textContent) : {});

  var data = JSON.parse(source.textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var hiddenTypes = new Set();
  var typesOf = new Map(); // node id -> edge types touching it

  function remember(edgeList) {
    edgeList.forEach(function (edge) {
      [edge.from, edge.to].forEach(function (id) {
        if (!typesOf.has(id)) typesOf.set(id, []);
        typesOf.get(id).push(edge.type);
      });
    });
  }
  remember(data.edges);

  function nodeShown(node) {
    if (hiddenTypes.size === 0 || node.id === data.centre) return true;
    var types = typesOf.get(node.id);
    return !types || types.some(function (type) { return !hiddenTypes.has(type); });
  }
  var nodeView = new vis.DataView(nodes, { filter: nodeShown });
  var edgeView = new vis.DataView(edges, { filter: function (edge) { return !hiddenTypes.has(edge.type); } });

  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  network.once("afterDrawing", function () {
    window.pgReadyAt = performance.now();
    container.setAttribute("data-ready", "true");
  });
  window.pg = { network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView };

  document.querySelectorAll("input[data-edge-type]").forEach(function (box) {
    box.addEventListener("change", function () {
      var type = box.getAttribute("data-edge-type");
      if (box.checked) hiddenTypes.delete(type); else hiddenTypes.add(type);
      edgeView.refresh();
      nodeView.refresh();
    });
  });

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = String(text);
    if (className) el.className = className;
    return el;
  }

  function isOwnPath(path) {
    return typeof path === "string" && path.charAt(0) === "/" && path.charAt(1) !== "/";
  }

  function show(title, text, actions) {
    if (!details) return;
    details.replaceChildren(element("h3", title), element("pre", text));
    if (actions.length) {
      var bar = element("div", null, "actions");
      actions.forEach(function (action) { bar.appendChild(action); });
      details.appendChild(bar);
    }
  }

  function showNode(node) {
    var actions = [];
    if (isOwnPath(node.page)) {
      var link = element("a", node.kind === "Task" ? ui.open_notice : ui.open_page);
      link.href = node.page;
      actions.push(link);
    }
    if (node.expand && data.graph_url) {
      var button = element("button", ui.expand);
      button.type = "button";
      button.addEventListener("click", function () { expand(node, button); });
      actions.push(button);
    }
    show(node.full_label || node.label, node.title || "", actions);
  }

  function showEdge(edge) {
    show(edge.type_label || edge.type, edge.title || "", []);
  }

  function expand(node, button) {
    button.disabled = true;
    button.textContent = ui.expanding;
    var url = data.graph_url + "?kind=" + encodeURIComponent(node.expand) + "&key=" + encodeURIComponent(node.id) + "&depth=1";
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (more) {
        var at = network.getPosition(node.id);
        var centre = more.nodes.find(function (n) { return n.id === node.id; }) || { x: 0, y: 0 };
        var fresh = more.nodes.filter(function (n) { return nodes.get(n.id) === null; }).map(function (n) {
          return Object.assign({}, n, { x: at.x + (n.x - centre.x) * 0.7, y: at.y + (n.y - centre.y) * 0.7 });
        });
        var freshEdges = more.edges.filter(function (e) { return edges.get(e.id) === null; });
        nodes.add(fresh);
        remember(freshEdges);
        edges.add(freshEdges);
        button.textContent = ui.added.replace("{n}", String(fresh.length));
      })
      .catch(function (error) {
        button.disabled = false;
        button.textContent = ui.failed.replace("{reason}", error.message);
      });
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(nodes.get(params.nodes[0]));
    else if (params.edges.length) showEdge(edges.get(params.edges[0]));
  });
  network.on("doubleClick", function (params) {
    if (!params.nodes.length) return;
    var node = nodes.get(params.nodes[0]);
    if (isOwnPath(node.page)) window.location.assign(node.page);
  });
})();
