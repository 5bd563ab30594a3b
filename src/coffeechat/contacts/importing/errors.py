class ImportFileError(ValueError):
    """The file as a whole cannot be imported. The message names the file, the problem
    and what to do, in one line; nothing has been written."""

    def __init__(self, filename: str, problem: str):
        self.filename = filename
        self.problem = problem
        super().__init__(f"{filename}: {problem}")
