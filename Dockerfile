# The PolicyGraph API and explorer. With docker compose it talks to the neo4j service (see docker-compose.yml).
# The image installs the package from the build context (.dockerignore says what stays out), exactly as `pip install .`
# does on a laptop: no hand-kept list of folders. CI builds its wheel from the same context (.ci/package.sh).
FROM python:3.11-slim
COPY . /src
RUN pip install --no-cache-dir /src && rm -rf /src
WORKDIR /app
EXPOSE 8000
# Load the seed notices shipped in the package, print what they say, then serve on all interfaces of the container.
CMD ["policygraph", "demo", "--host", "0.0.0.0", "--port", "8000"]
