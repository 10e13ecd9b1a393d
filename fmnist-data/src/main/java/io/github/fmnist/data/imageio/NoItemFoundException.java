package io.github.fmnist.data.imageio;

import io.github.fmnist.api.InvalidInputException;

/**
 * The importer found nothing in a picture that stands out from its background: a blank picture, or an item too faint
 * to separate. Thrown instead of passing a black image to a classifier.
 */
public class NoItemFoundException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public NoItemFoundException(String message) {
        super(message);
    }
}
