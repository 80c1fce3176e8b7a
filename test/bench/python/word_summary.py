"""Twin of the profiling chapter's slowest-line exercise (summary of a word list)."""


def make_words(count):
    return ["w" + str((i * 7919) % 1250) for i in range(count)]


def summary(words):
    letters = 0
    for word in words:
        letters += len(word)
    distinct = len([w for i, w in enumerate(words) if words.index(w) == i])
    longest = max(words, key=len)
    return letters, distinct, longest


WORDS = make_words(2000)


def main():
    return summary(WORDS)
