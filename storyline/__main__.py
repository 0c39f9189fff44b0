try:
    from storyline.cli import main
except KeyboardInterrupt:  # Ctrl-C while the imports load: no traceback
    import sys

    sys.stderr.write("interrupted\n")
    raise SystemExit(130) from None

if __name__ == "__main__":
    main()
