#!/usr/bin/env bash
# Back up or restore a clinsum deployment: the database (pg_dump's custom format) and the file
# store (the encrypted originals). The key is never in a backup: keep it apart, since with it the
# backup opens and without it nothing in it can be read.
#
#   app/deploy/backup.sh backup DIR    # DIR/clinsum.dump and DIR/files.tar, written whole or not at all
#   app/deploy/backup.sh restore DIR   # stop app and workers first; then `docker compose run --rm migrate`
#
# By default it talks to compose's services from the repository folder (the database's own
# pg_dump, so client and server versions match). Elsewhere, and in tests, set the four commands:
#   CLINSUM_PG_DUMP       writes a custom-format dump of the database to stdout
#   CLINSUM_PG_RESTORE    reads such a dump on stdin into the (emptied) database
#   CLINSUM_FILES_PACK    writes a tar of the file store folder `files` to stdout
#   CLINSUM_FILES_UNPACK  reads such a tar on stdin into the data folder
set -euo pipefail
umask 077

mode=${1:-}
dir=${2:-}
if [[ $mode != backup && $mode != restore || -z $dir ]]; then
    echo "usage: $0 backup|restore DIR" >&2
    exit 2
fi

dump=${CLINSUM_PG_DUMP:-docker compose exec -T db pg_dump -U clinsum -d clinsum -Fc}
# Rows and schema only: roles and grants are the migrate service's (`clinsum db upgrade` grants again).
restore=${CLINSUM_PG_RESTORE:-docker compose exec -T db pg_restore -U clinsum -d clinsum --clean --if-exists --no-owner --no-privileges --single-transaction}
pack=${CLINSUM_FILES_PACK:-docker compose run --rm --no-deps -T --entrypoint tar app -C /var/lib/clinsum -cf - files}
unpack=${CLINSUM_FILES_UNPACK:-docker compose run --rm --no-deps -T --entrypoint tar app -C /var/lib/clinsum -xf -}

if [[ $mode == backup ]]; then
    mkdir -p "$dir"
    partial=$(mktemp -d "$dir/.partial-XXXXXX")
    trap 'rm -rf "$partial"' EXIT
    $dump > "$partial/clinsum.dump"
    $pack > "$partial/files.tar"
    [[ -s $partial/clinsum.dump && -s $partial/files.tar ]] || { echo "The backup came out empty: nothing was kept." >&2; exit 1; }
    mv "$partial/clinsum.dump" "$dir/clinsum.dump"
    mv "$partial/files.tar" "$dir/files.tar"
    echo "Backed up the database and the file store to $dir (the key is not in it: keep it apart)."
else
    for part in clinsum.dump files.tar; do
        if [[ ! -s $dir/$part ]]; then
            echo "$dir holds no $part: nothing was restored." >&2
            exit 1
        fi
    done
    # One transaction: a dump that fails half-way leaves the database as it was.
    $restore < "$dir/clinsum.dump"
    $unpack < "$dir/files.tar"
    echo "Restored the database and the file store from $dir; start clinsum with the key it was made with."
fi
