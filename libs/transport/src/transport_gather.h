/* SPDX-License-Identifier: MIT */
/*
 * transport_gather.h: turns a transport_interface.h gather list into the socket API's
 * `struct iovec` array, for the socket-based transports (host sockets, lwIP sockets). Include
 * it after the header that defines `struct iovec` (<sys/uio.h> or lwip/sockets.h).
 *
 * Empty vectors are skipped (sendmsg need not see them), at most `max` vectors are taken, and
 * the total is capped at INT32_MAX so the byte count fits the interface's int32_t return; what
 * is left over the caller sends in a later call, as after any partial write.
 */
#ifndef TRANSPORT_GATHER_H_
#define TRANSPORT_GATHER_H_

#include "transport_interface.h"

#include <stdint.h>

/* Fills iov[0..max) from vec[0..count); returns how many iov entries were filled. */
static inline size_t transport_gather(struct iovec *iov, size_t max,
                                      const TransportOutVector_t *vec, size_t count)
{
    size_t n = 0, total = 0;

    for (size_t i = 0; i < count && n < max && total < INT32_MAX; i++) {
        size_t len = vec[i].iov_len;

        if (len > INT32_MAX - total) {
            len = INT32_MAX - total;
        }
        if (len == 0) {
            continue;
        }
        iov[n].iov_base = (void *)vec[i].iov_base; /* sendmsg only reads it */
        iov[n].iov_len = len;
        total += len;
        n++;
    }
    return n;
}

#endif /* TRANSPORT_GATHER_H_ */
