# The PolicyGraph API. With docker compose it talks to the neo4j service (see docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY policygraph policygraph
COPY graph graph
COPY ingest ingest
COPY api api
COPY cypher cypher
COPY visualize visualize
COPY seeds seeds
RUN pip install --no-cache-dir .
EXPOSE 8000
# Load the seed notices, then serve the API and explorer on all interfaces of the container.
CMD ["sh", "-c", "policygraph ingest seeds/ && policygraph serve --host 0.0.0.0 --port 8000"]
