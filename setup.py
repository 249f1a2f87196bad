"""Build hook: ship the top-level queries/*.rq inside the package as graphkit/queries/.

Everything else about the build is declared in pyproject.toml. The queries live at the
top of the repository (the project's layout); graphkit.query.queries_dir() reads them
from there in a checkout and from graphkit/queries/ once installed.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithQueries(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib, "graphkit", "queries")
        self.mkpath(str(target))
        for rq in sorted(Path(__file__).resolve().parent.joinpath("queries").glob("*.rq")):
            self.copy_file(str(rq), str(target / rq.name))


# setuptools' own scratch folder is ./build by default, which is where `graphkit build`
# writes the graph; keep the two apart.
setup(
    cmdclass={"build_py": BuildWithQueries},
    options={"build": {"build_base": ".setuptools-build"}},
)
